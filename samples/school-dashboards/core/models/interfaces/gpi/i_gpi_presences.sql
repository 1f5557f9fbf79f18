{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['fiche', 'date_jour'],
    on_schema_change='append_new_columns'
) }}

-- Attendance is the largest source: only the days after the last one loaded are read again.
select
    fiche,
    eco,
    date_jour,
    statut,
    motif
from {{ source('gpi', 'presences') }}
{% if is_incremental() %}
where date_jour > (select max(date_jour) from {{ this }})
{% endif %}
