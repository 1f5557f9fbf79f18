{#-
  Statements, hooks, DDL and the built-in materializations, written for Cedule (see README.md).
  Every DDL macro dispatches, so a project or a dialect folder overrides one by name as in dbt.
  A materialization builds under a temporary name and swaps the result in inside one transaction
  that first takes the relation's lock (lock_relation), so readers never see a half-built
  relation and two attempts of one node never write it at once.
-#}

{% macro statement(name=None, fetch_result=False, auto_begin=True, language='sql') -%}
  {%- if execute -%}
    {%- set sql = caller() -%}
    {%- set res, table = adapter.execute(sql, auto_begin=auto_begin, fetch=fetch_result) -%}
    {%- if name is not none -%}
      {{- store_result(name, response=res, agate_table=table) -}}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}

{% macro run_hooks(hooks, inside_transaction=True) -%}
  {%- for hook in hooks | selectattr('transaction', 'equalto', inside_transaction) -%}
    {%- if not inside_transaction and loop.first -%}{%- do adapter.commit() -%}{%- endif -%}
    {%- set rendered = render(hook.get('sql')) | trim -%}
    {%- if rendered | length > 0 -%}
      {%- call statement(auto_begin=inside_transaction) -%}{{ rendered }}{%- endcall -%}
    {%- endif -%}
  {%- endfor -%}
{%- endmacro %}

{% macro load_relation(relation) -%}
  {{- return(adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier)) -}}
{%- endmacro %}

{% macro make_temp_relation(base_relation, suffix='__dbt_tmp') -%}
  {{- return(base_relation.incorporate(path={'identifier': base_relation.identifier ~ suffix})) -}}
{%- endmacro %}

{% macro make_intermediate_relation(base_relation, suffix='__dbt_tmp') -%}
  {{- return(make_temp_relation(base_relation, suffix)) -}}
{%- endmacro %}

{% macro make_backup_relation(base_relation, backup_relation_type, suffix='__dbt_backup') -%}
  {{- return(base_relation.incorporate(path={'identifier': base_relation.identifier ~ suffix}, type=backup_relation_type)) -}}
{%- endmacro %}

{% macro drop_relation_if_exists(relation) -%}
  {%- if relation is not none -%}{%- do adapter.drop_relation(relation) -%}{%- endif -%}
{%- endmacro %}

{#- A leftover of a crashed attempt (x__dbt_tmp, x__dbt_backup) is dropped before building. -#}
{% macro drop_leftover(relation) -%}
  {{- drop_relation_if_exists(load_relation(relation)) -}}
{%- endmacro %}

{% macro lock_relation(relation) -%}
  {{- return(adapter.dispatch('lock_relation', 'dbt')(relation)) -}}
{%- endmacro %}
{#-
  Without advisory locks, a lock of this process: enough where only one process can open the
  database (DuckDB's single writer); databases with advisory locks override this.
-#}
{% macro default__lock_relation(relation) -%}
  {%- do adapter.cedule_lock_relation_in_process(relation) -%}
{%- endmacro %}

{% macro get_create_schema_sql(relation) -%}
  {{- return(adapter.dispatch('get_create_schema_sql', 'dbt')(relation)) -}}
{%- endmacro %}
{% macro default__get_create_schema_sql(relation) -%}
create schema if not exists {{ adapter.quote(relation.schema) }}
{%- endmacro %}

{% macro get_drop_schema_sql(relation) -%}
  {{- return(adapter.dispatch('get_drop_schema_sql', 'dbt')(relation)) -}}
{%- endmacro %}
{% macro default__get_drop_schema_sql(relation) -%}
drop schema if exists {{ adapter.quote(relation.schema) }} cascade
{%- endmacro %}

{% macro get_drop_sql(relation) -%}
  {{- return(adapter.dispatch('get_drop_sql', 'dbt')(relation)) -}}
{%- endmacro %}
{% macro default__get_drop_sql(relation) -%}
drop {{ 'view' if relation.type == 'view' else 'table' }} if exists {{ relation }} cascade
{%- endmacro %}

{% macro get_rename_sql(from_relation, to_relation) -%}
  {{- return(adapter.dispatch('get_rename_sql', 'dbt')(from_relation, to_relation)) -}}
{%- endmacro %}
{% macro default__get_rename_sql(from_relation, to_relation) -%}
alter {{ 'view' if from_relation.type == 'view' else 'table' }} {{ from_relation }} rename to {{ adapter.quote(to_relation.identifier) }}
{%- endmacro %}

{% macro get_truncate_sql(relation) -%}
  {{- return(adapter.dispatch('get_truncate_sql', 'dbt')(relation)) -}}
{%- endmacro %}
{% macro default__get_truncate_sql(relation) -%}
truncate table {{ relation }}
{%- endmacro %}

{% macro get_create_table_as_sql(temporary, relation, sql) -%}
  {{- return(adapter.dispatch('create_table_as', 'dbt')(temporary, relation, sql)) -}}
{%- endmacro %}
{% macro create_table_as(temporary, relation, sql) -%}
  {{- return(adapter.dispatch('create_table_as', 'dbt')(temporary, relation, sql)) -}}
{%- endmacro %}
{% macro default__create_table_as(temporary, relation, sql) -%}
{{ config.get('sql_header') or '' }}
create {% if temporary %}temporary {% endif %}table {{ relation.include(database=not temporary, schema=not temporary) }} as (
{{ sql }}
)
{%- endmacro %}

{% macro get_create_view_as_sql(relation, sql) -%}
  {{- return(adapter.dispatch('create_view_as', 'dbt')(relation, sql)) -}}
{%- endmacro %}
{% macro create_view_as(relation, sql) -%}
  {{- return(adapter.dispatch('create_view_as', 'dbt')(relation, sql)) -}}
{%- endmacro %}
{% macro default__create_view_as(relation, sql) -%}
{{ config.get('sql_header') or '' }}
create view {{ relation }} as (
{{ sql }}
)
{%- endmacro %}

{#- view and table: build x__dbt_tmp, then in one locked transaction move x to x__dbt_backup and x__dbt_tmp to x. -#}
{% macro cedule_build_and_swap(target_relation, create_sql_macro) -%}
  {%- set intermediate_relation = make_intermediate_relation(target_relation) -%}
  {%- do adapter.create_schema(target_relation) -%}
  {{- run_hooks(pre_hooks, inside_transaction=False) -}}
  {{- run_hooks(pre_hooks, inside_transaction=True) -}}
  {{- lock_relation(target_relation) -}}
  {%- do adapter.begin() -%}
  {#- Looked up once the lock is held: a concurrent attempt may just have created or replaced it. -#}
  {%- set existing_relation = load_relation(this) -%}
  {%- set backup_relation = make_backup_relation(target_relation, existing_relation.type if existing_relation is not none else target_relation.type) -%}
  {{- drop_leftover(intermediate_relation) -}}
  {{- drop_leftover(backup_relation) -}}
  {%- if create_sql_macro is none -%}
    {%- do cedule_load_seed(intermediate_relation, create=True) -%}
  {%- else -%}
    {%- call statement('main') -%}{{ create_sql_macro(intermediate_relation, sql) }}{%- endcall -%}
  {%- endif -%}
  {%- if existing_relation is not none -%}{%- do adapter.rename_relation(existing_relation, backup_relation) -%}{%- endif -%}
  {%- do adapter.rename_relation(intermediate_relation, target_relation) -%}
  {{- run_hooks(post_hooks, inside_transaction=True) -}}
  {%- do adapter.commit() -%}
  {%- if existing_relation is not none -%}{{- drop_relation_if_exists(backup_relation) -}}{%- endif -%}
  {{- run_hooks(post_hooks, inside_transaction=False) -}}
{%- endmacro %}

{#-
  Seeds, as dbt loads them: when the table exists with the file's columns and no full refresh is
  asked, it is truncated and reloaded in place (views built on it stay valid); otherwise the file
  is loaded into x__dbt_tmp and swapped in. Rows go through the driver's bulk path.
-#}
{% materialization seed, default -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set existing_relation = load_relation(this) -%}
  {%- set same_columns = existing_relation is not none and existing_relation.is_table
      and cedule_column_names(adapter.get_columns_in_relation(existing_relation)) == cedule_seed_columns() -%}
  {%- if same_columns and not should_full_refresh() -%}
    {{- run_hooks(pre_hooks, inside_transaction=False) -}}
    {{- run_hooks(pre_hooks, inside_transaction=True) -}}
    {{- lock_relation(target_relation) -}}
    {%- do adapter.begin() -%}
    {%- do adapter.truncate_relation(target_relation) -%}
    {%- do cedule_load_seed(target_relation, create=False) -%}
    {{- run_hooks(post_hooks, inside_transaction=True) -}}
    {%- do adapter.commit() -%}
    {{- run_hooks(post_hooks, inside_transaction=False) -}}
  {%- else -%}
    {{- cedule_build_and_swap(target_relation, none) -}}
  {%- endif -%}
  {{- return({'relations': [target_relation]}) -}}
{%- endmaterialization %}

{% macro cedule_create_table(relation, sql) -%}{{ get_create_table_as_sql(False, relation, sql) }}{%- endmacro %}

{% materialization view, default -%}
  {%- set target_relation = this.incorporate(type='view') -%}
  {{- cedule_build_and_swap(target_relation, get_create_view_as_sql) -}}
  {{- return({'relations': [target_relation]}) -}}
{%- endmaterialization %}

{% materialization table, default -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {{- cedule_build_and_swap(target_relation, cedule_create_table) -}}
  {{- return({'relations': [target_relation]}) -}}
{%- endmaterialization %}

{#- A test's query returns failing rows; this counts them and compares with warn_if / error_if. -#}
{% macro get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
  {{- return(adapter.dispatch('get_test_sql', 'dbt')(main_sql, fail_calc, warn_if, error_if, limit)) -}}
{%- endmacro %}
{% macro default__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
select
    {{ fail_calc }} as failures,
    case when {{ fail_calc }} {{ warn_if }} then 1 else 0 end as should_warn,
    case when {{ fail_calc }} {{ error_if }} then 1 else 0 end as should_error
from (
{{ main_sql }}
{% if limit is not none %}limit {{ limit }}{% endif %}
) dbt_internal_test
{%- endmacro %}

{% materialization test, default -%}
  {%- call statement('main', fetch_result=True, auto_begin=False) -%}
    {{ get_test_sql(sql, config.get('fail_calc', 'count(*)'), config.get('warn_if', '!= 0'), config.get('error_if', '!= 0'), config.get('limit')) }}
  {%- endcall -%}
  {{- return({'relations': []}) -}}
{%- endmaterialization %}
