select matricule, nom, prenom, date_embauche, statut
from {{ source('paie', 'employes') }}
where statut = 'actif'
