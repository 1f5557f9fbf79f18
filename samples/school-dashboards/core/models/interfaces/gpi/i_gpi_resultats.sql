select fiche, annee, matiere, etape, note
from {{ source('gpi', 'resultats') }}
where annee = {{ var('annee_scolaire') }}
