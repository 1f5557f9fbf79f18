select
    r.eco,
    r.matiere,
    m.description,
    count(*) as nb_eleves,
    sum(r.reussi) as nb_reussites,
    {{ tdb_core.taux('sum(r.reussi)', 'count(*)') }} as taux_reussite
from {{ ref('res_fact_reussite') }} as r
inner join {{ ref('dim_matieres') }} as m on m.matiere = r.matiere
group by r.eco, r.matiere, m.description
