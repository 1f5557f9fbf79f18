-- A subject is passed with a yearly average of 60 or more.
select
    fiche,
    eco,
    matiere,
    moyenne,
    case when moyenne >= 60 then 1 else 0 end as reussi
from {{ ref('res_fact_moyenne_eleve_matiere') }}
