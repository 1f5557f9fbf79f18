-- Students failing French or mathematics: the list the school's team follows up.
select
    r.fiche,
    d.nom,
    d.prenom,
    r.eco,
    r.matiere,
    r.moyenne
from {{ ref('res_fact_reussite') }} as r
inner join {{ ref('dim_eleves') }} as d on d.fiche = r.fiche
where r.reussi = 0 and r.matiere in ('FRA', 'MAT')
