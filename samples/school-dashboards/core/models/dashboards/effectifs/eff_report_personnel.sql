select
    e.eco,
    e.nom_ecole,
    f.corps_emploi,
    f.nb_personnes,
    f.etp
from {{ ref('eff_fact_etp_ecole') }} as f
inner join {{ ref('dim_ecoles') }} as e on e.eco = f.eco
