select
    fiche,
    eco,
    matiere,
    count(*) as nb_etapes,
    round(avg(cast(note as {{ dbt.type_numeric() }})), 2) as moyenne
from {{ ref('res_stg_notes') }}
group by fiche, eco, matiere
