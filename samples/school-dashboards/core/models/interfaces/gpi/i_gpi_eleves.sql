select
    fiche,
    nom,
    prenom,
    genre,
    date_naissance
from {{ source('gpi', 'eleves') }}
