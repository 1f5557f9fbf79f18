-- The centre's version of the core's dim_ecoles: the same columns, plus the region.
select
    e.eco,
    e.nom_ecole,
    e.ordre_ens,
    e.ville,
    coalesce(r.region, 'Autre') as region
from {{ ref('i_gpi_ecoles') }} as e
left join {{ ref('villes_regions') }} as r on r.ville = e.ville
