select
    e.eco,
    e.nom_ecole,
    round(avg(f.moyenne), 2) as moyenne_generale,
    count(distinct f.fiche) as nb_eleves
from {{ ref('res_fact_moyenne_eleve_matiere') }} as f
inner join {{ ref('dim_ecoles') }} as e on e.eco = f.eco
group by e.eco, e.nom_ecole
