-- School days, with the term (étape) each belongs to: three terms split at fixed dates.
select distinct
    date_jour,
    extract(month from date_jour) as mois,
    case
        when date_jour < cast('2024-11-16' as date) then 1
        when date_jour < cast('2025-02-22' as date) then 2
        else 3
    end as etape
from {{ ref('i_gpi_presences') }}
