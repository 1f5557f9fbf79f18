select fiche, annee, type_diplome, date_obtention
from {{ source('gpi', 'diplomes') }}
