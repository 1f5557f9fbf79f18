select
    f.eco,
    e.nom_ecole,
    f.date_jour,
    f.nb_eleves,
    f.nb_absents,
    {{ tdb_core.taux('f.nb_absents', 'f.nb_eleves') }} as taux_absence
from {{ ref('abs_fact_absences_quotidiennes') }} as f
inner join {{ ref('dim_ecoles') }} as e on e.eco = f.eco
