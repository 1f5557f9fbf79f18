select
    s.eco,
    s.motif,
    m.description,
    m.justifie,
    count(*) as nb_absences
from {{ ref('abs_stg_jours_eleve') }} as s
inner join {{ ref('codes_motifs') }} as m on m.motif = s.motif
where s.est_absent = 1
group by s.eco, s.motif, m.description, m.justifie
