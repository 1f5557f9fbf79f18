-- Students still enrolled at the end of the year, per school.
select eco, count(*) as nb_eleves
from {{ ref('stg_eleves_actifs') }}
group by eco
