with annee as (
    select eco, sum(nb_eleves) as jours_eleves, sum(nb_absents) as jours_absences
    from {{ ref('abs_fact_absences_quotidiennes') }}
    group by eco
)

select
    a.eco,
    e.nom_ecole,
    e.ordre_ens,
    a.jours_eleves,
    a.jours_absences,
    {{ tdb_core.taux('a.jours_absences', 'a.jours_eleves') }} as taux_absence,
    c.cible,
    {{ tdb_core.taux('a.jours_absences', 'a.jours_eleves') }} > c.cible as au_dessus_cible
from annee as a
inner join {{ ref('dim_ecoles') }} as e on e.eco = a.eco
inner join {{ ref('cibles_absence') }} as c on c.ordre_ens = e.ordre_ens
