select
    c.fiche,
    c.eco,
    c.est_actif,
    case when d.fiche is not null then 1 else 0 end as a_diplome,
    d.date_obtention
from {{ ref('dip_stg_cohorte') }} as c
left join {{ ref('i_gpi_diplomes') }} as d on d.fiche = c.fiche and d.type_diplome = 'DES'
