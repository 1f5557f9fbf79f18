{{ config(alias='stg_eleves', post_hook=["{{ core.create_index(this, ['eleve_id']) }}"]) }}
select * from {{ ref('i_eleves') }}
where annee = {{ var('annee_scolaire') }}
