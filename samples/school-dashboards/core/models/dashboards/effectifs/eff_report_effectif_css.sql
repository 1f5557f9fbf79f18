select
    e.ordre_ens,
    sum(f.nb_eleves) as nb_eleves,
    count(*) as nb_ecoles
from {{ ref('eff_fact_effectif_eleves') }} as f
inner join {{ ref('dim_ecoles') }} as e on e.eco = f.eco
group by e.ordre_ens
