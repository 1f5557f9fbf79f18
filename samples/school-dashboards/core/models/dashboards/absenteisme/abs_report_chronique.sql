-- Students absent on at least the chronic threshold of their school days (10 % by default).
select
    f.fiche,
    d.nom,
    d.prenom,
    f.eco,
    f.nb_jours,
    f.nb_absences,
    f.taux_absence
from {{ ref('abs_fact_absences_eleve') }} as f
inner join {{ ref('dim_eleves') }} as d on d.fiche = f.fiche
where f.taux_absence >= {{ var('seuil_absenteisme_chronique') }}
