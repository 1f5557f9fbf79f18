-- depends_on: {{ ref('stg_eleves') }}
with absences as (
    select eleve_id, sum(duree_min) as minutes
    from {{ ref('stg_absences') }}
    group by eleve_id
)
select eleve_id, {{ core.safe_divide('minutes', '60.0') }} as heures
from absences
