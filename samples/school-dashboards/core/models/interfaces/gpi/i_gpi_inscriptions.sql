select
    fiche,
    annee,
    eco,
    niveau,
    date_debut,
    date_fin
from {{ source('gpi', 'inscriptions') }}
where annee = {{ var('annee_scolaire') }}
