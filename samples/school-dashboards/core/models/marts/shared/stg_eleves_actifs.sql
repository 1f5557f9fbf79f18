{{ config(materialized='ephemeral') }}

-- Students enrolled this year and still enrolled at its end.
select fiche, eco, niveau
from {{ ref('i_gpi_inscriptions') }}
where date_fin is null
