select
    fiche,
    eco,
    count(*) as nb_jours,
    sum(est_absent) as nb_absences,
    {{ tdb_core.taux('sum(est_absent)', 'count(*)') }} as taux_absence
from {{ ref('abs_stg_jours_eleve') }}
group by fiche, eco
