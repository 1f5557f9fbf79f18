-- The cohort followed: students of secondary 5 this year.
with secondaire as (
    select d.fiche, d.eco, d.est_actif
    from {{ ref('dim_eleves') }} as d
    inner join {{ ref('dim_ecoles') }} as e on e.eco = d.eco
    where e.ordre_ens = 'secondaire' and d.niveau = 5
)

select * from secondaire
