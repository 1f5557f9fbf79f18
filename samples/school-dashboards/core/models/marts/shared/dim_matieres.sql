select
    matiere,
    description,
    ordre_ens
from {{ ref('i_gpi_matieres') }}
