select distinct e.eco, e.nom_ecole, e.ordre_ens, c.etape
from {{ ref('dim_ecoles') }} as e
cross join (select distinct etape from {{ ref('dim_calendrier') }}) as c
