{{ config(materialized='view') }}

select
    r.fiche,
    d.eco,
    r.matiere,
    r.etape,
    r.note
from {{ ref('i_gpi_resultats') }} as r
inner join {{ ref('dim_eleves') }} as d on d.fiche = r.fiche
