{#- A transaction-scoped advisory lock on the relation's name: a second attempt of the same node waits until the first commits or rolls back. -#}
{% macro postgres__lock_relation(relation) -%}
  {%- call statement('lock_relation', auto_begin=True) -%}
select pg_advisory_xact_lock(hashtext({{ dbt.string_literal(relation | string) }}))
  {%- endcall -%}
{%- endmacro %}
