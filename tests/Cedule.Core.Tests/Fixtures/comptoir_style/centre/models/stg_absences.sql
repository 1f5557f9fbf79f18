{{ config(materialized='table', tags=['override']) }}
select * from {{ ref('core', 'i_absences') }} where duree_min > 0
