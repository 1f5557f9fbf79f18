select matiere, description, ordre_ens
from {{ source('gpi', 'matieres') }}
