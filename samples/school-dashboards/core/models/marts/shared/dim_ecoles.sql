select
    eco,
    nom_ecole,
    ordre_ens,
    ville
from {{ ref('i_gpi_ecoles') }}
