select fiche as eleve_id, date_abs, duree_min
from {{ source('gpi', 'e_absences') }}
