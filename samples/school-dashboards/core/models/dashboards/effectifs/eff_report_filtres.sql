select distinct e.eco, e.nom_ecole, e.ordre_ens, f.corps_emploi
from {{ ref('eff_fact_etp_ecole') }} as f
inner join {{ ref('dim_ecoles') }} as e on e.eco = f.eco
