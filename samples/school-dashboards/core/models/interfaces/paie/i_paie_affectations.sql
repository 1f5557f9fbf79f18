select matricule, eco, corps_emploi, annee, etp
from {{ source('paie', 'affectations') }}
where annee = {{ var('annee_scolaire') }}
