select eleve_id from {{ ref('stg_eleves') }}
