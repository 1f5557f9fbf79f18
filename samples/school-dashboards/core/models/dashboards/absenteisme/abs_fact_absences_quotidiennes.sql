{{ config(
    materialized='incremental',
    incremental_strategy='merge',
    unique_key=['eco', 'date_jour'],
    post_hook="{{ tdb_core.indexer(this, ['eco', 'date_jour']) }}"
) }}

-- Daily counts per school. A re-run recomputes the last day loaded (late corrections) and adds the new ones.
select
    eco,
    date_jour,
    etape,
    count(*) as nb_eleves,
    sum(est_absent) as nb_absents,
    sum(est_en_retard) as nb_retards
from {{ ref('abs_stg_jours_eleve') }}
{% if is_incremental() %}
where date_jour >= (select max(date_jour) from {{ this }})
{% endif %}
group by eco, date_jour, etape
