select
    eco,
    trim(nom_ecole) as nom_ecole,
    ordre_ens,
    ville
from {{ source('gpi', 'ecoles') }}
