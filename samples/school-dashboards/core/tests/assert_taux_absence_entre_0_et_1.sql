-- Every school's yearly absence rate is a proportion.
select eco, taux_absence
from {{ ref('abs_report_taux_ecole') }}
where taux_absence < 0 or taux_absence > 1
