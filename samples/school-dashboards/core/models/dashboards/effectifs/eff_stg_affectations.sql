select
    a.matricule,
    a.eco,
    a.corps_emploi,
    a.etp
from {{ ref('i_paie_affectations') }} as a
inner join {{ ref('i_paie_employes') }} as e on e.matricule = a.matricule
