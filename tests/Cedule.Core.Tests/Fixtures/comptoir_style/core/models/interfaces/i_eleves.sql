select fiche as eleve_id, nom, prenom, statut
from {{ source('gpi', 'e_ele') }}
