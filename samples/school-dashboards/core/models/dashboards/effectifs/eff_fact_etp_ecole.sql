{{ config(post_hook="{{ tdb_core.indexer(this, ['eco']) }}") }}

select
    eco,
    corps_emploi,
    count(*) as nb_personnes,
    sum(etp) as etp
from {{ ref('eff_stg_affectations') }}
group by eco, corps_emploi
