select distinct r.eco, e.nom_ecole, r.matiere
from {{ ref('res_fact_reussite') }} as r
inner join {{ ref('dim_ecoles') }} as e on e.eco = r.eco
