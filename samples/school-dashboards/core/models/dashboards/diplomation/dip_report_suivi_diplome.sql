select
    f.fiche,
    e.nom,
    e.prenom,
    f.eco,
    f.a_diplome,
    f.date_obtention
from {{ ref('dip_fact_suivi') }} as f
inner join {{ ref('dim_eleves') }} as e on e.fiche = f.fiche
