select
    eco,
    count(*) as nb_eleves_cohorte,
    sum(a_diplome) as nb_diplomes,
    {{ tdb_core.taux('sum(a_diplome)', 'count(*)') }} as taux_diplomation
from {{ ref('dip_fact_suivi') }}
group by eco
