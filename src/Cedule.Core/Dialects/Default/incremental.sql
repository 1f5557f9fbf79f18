{#-
  The incremental materialization. First build, full refresh, or a view in the way: build the table
  under a temporary name and swap it in, as `table` does. Otherwise, inside one locked transaction:
  the model's rows go to x__dbt_tmp, the target's columns are reconciled with on_schema_change,
  the strategy (append, delete+insert, merge) writes them into the target, x__dbt_tmp is dropped.
  A failure rolls all of it back.
-#}

{% macro incremental_validate_on_schema_change(on_schema_change, default='ignore') -%}
  {%- if on_schema_change not in ['sync_all_columns', 'append_new_columns', 'fail', 'ignore'] -%}
    {%- do exceptions.warn("Invalid value for on_schema_change (" ~ on_schema_change ~ ") specified. Setting default value of " ~ default ~ ".") -%}
    {{- return(default) -}}
  {%- endif -%}
  {{- return(on_schema_change) -}}
{%- endmacro %}

{% macro cedule_column_names(columns) -%}
  {{- return(columns | map(attribute='name') | map('lower') | list) -}}
{%- endmacro %}

{#- Adds, drops (sync_all_columns) or refuses (fail) the column differences between the new rows and the target; returns the columns to write. -#}
{% macro process_schema_changes(on_schema_change, source_relation, target_relation) -%}
  {%- set source_columns = adapter.get_columns_in_relation(source_relation) -%}
  {%- set target_columns = adapter.get_columns_in_relation(target_relation) -%}
  {%- set source_names = cedule_column_names(source_columns) -%}
  {%- set target_names = cedule_column_names(target_columns) -%}
  {%- set added = [] -%}
  {%- for c in source_columns if c.name | lower not in target_names -%}{%- do added.append(c) -%}{%- endfor -%}
  {%- set removed = [] -%}
  {%- for c in target_columns if c.name | lower not in source_names -%}{%- do removed.append(c) -%}{%- endfor -%}
  {%- if (added or removed) and on_schema_change == 'fail' -%}
    {{- exceptions.raise_compiler_error("The source and target schemas on this incremental model are out of sync: added " ~ (added | map(attribute='name') | list) ~ ", removed " ~ (removed | map(attribute='name') | list) ~ ". Run with --full-refresh, or set on_schema_change to append_new_columns or sync_all_columns.") -}}
  {%- endif -%}
  {%- if on_schema_change in ['append_new_columns', 'sync_all_columns'] -%}
    {%- for c in added -%}
      {%- call statement('add_column') -%}{{ alter_relation_add_column(target_relation, c) }}{%- endcall -%}
    {%- endfor -%}
    {%- if on_schema_change == 'sync_all_columns' -%}
      {%- for c in removed -%}
        {%- call statement('drop_column') -%}{{ alter_relation_drop_column(target_relation, c) }}{%- endcall -%}
      {%- endfor -%}
    {%- endif -%}
  {%- endif -%}
  {%- set written = [] -%}
  {%- for c in source_columns -%}
    {%- if c.name | lower in target_names or on_schema_change in ['append_new_columns', 'sync_all_columns'] -%}{%- do written.append(c) -%}{%- endif -%}
  {%- endfor -%}
  {{- return(written) -}}
{%- endmacro %}

{% macro alter_relation_add_column(relation, column) -%}
  {{- return(adapter.dispatch('alter_relation_add_column', 'dbt')(relation, column)) -}}
{%- endmacro %}
{% macro default__alter_relation_add_column(relation, column) -%}
alter table {{ relation }} add column {{ column.quoted }} {{ column.data_type }}
{%- endmacro %}

{% macro alter_relation_drop_column(relation, column) -%}
  {{- return(adapter.dispatch('alter_relation_drop_column', 'dbt')(relation, column)) -}}
{%- endmacro %}
{% macro default__alter_relation_drop_column(relation, column) -%}
alter table {{ relation }} drop column {{ column.quoted }}
{%- endmacro %}

{% macro cedule_unique_keys(unique_key) -%}
  {%- if unique_key is none -%}{{ return([]) }}{%- endif -%}
  {{- return(unique_key if unique_key is not string else [unique_key]) -}}
{%- endmacro %}

{% macro get_incremental_append_sql(arg_dict) -%}
  {{- return(adapter.dispatch('get_incremental_append_sql', 'dbt')(arg_dict)) -}}
{%- endmacro %}
{% macro default__get_incremental_append_sql(arg_dict) -%}
{%- set cols = arg_dict['dest_columns'] | map(attribute='quoted') | join(', ') -%}
insert into {{ arg_dict['target_relation'] }} ({{ cols }})
select {{ cols }} from {{ arg_dict['temp_relation'] }}
{%- endmacro %}

{% macro get_incremental_delete_insert_sql(arg_dict) -%}
  {{- return(adapter.dispatch('get_incremental_delete_insert_sql', 'dbt')(arg_dict)) -}}
{%- endmacro %}
{% macro default__get_incremental_delete_insert_sql(arg_dict) -%}
{%- set keys = cedule_unique_keys(arg_dict['unique_key']) -%}
{%- if keys | length > 0 -%}
delete from {{ arg_dict['target_relation'] }} as dbt_internal_target
where exists (
    select 1 from {{ arg_dict['temp_relation'] }} as dbt_internal_source
    where {% for key in keys %}dbt_internal_source.{{ adapter.quote(key) }} = dbt_internal_target.{{ adapter.quote(key) }}{% if not loop.last %} and {% endif %}{% endfor %}
);
{% endif -%}
{{ default__get_incremental_append_sql(arg_dict) }}
{%- endmacro %}

{% macro get_incremental_merge_sql(arg_dict) -%}
  {{- return(adapter.dispatch('get_incremental_merge_sql', 'dbt')(arg_dict)) -}}
{%- endmacro %}
{% macro default__get_incremental_merge_sql(arg_dict) -%}
{%- set keys = cedule_unique_keys(arg_dict['unique_key']) -%}
{%- set columns = arg_dict['dest_columns'] -%}
{%- if keys | length == 0 -%}
{{ default__get_incremental_append_sql(arg_dict) }}
{%- else -%}
merge into {{ arg_dict['target_relation'] }} as dbt_internal_dest
using {{ arg_dict['temp_relation'] }} as dbt_internal_source
on {% for key in keys %}dbt_internal_source.{{ adapter.quote(key) }} = dbt_internal_dest.{{ adapter.quote(key) }}{% if not loop.last %} and {% endif %}{% endfor %}
when matched then update set
    {% for c in columns %}{{ c.quoted }} = dbt_internal_source.{{ c.quoted }}{% if not loop.last %}, {% endif %}{% endfor %}
when not matched then insert ({{ columns | map(attribute='quoted') | join(', ') }})
values ({% for c in columns %}dbt_internal_source.{{ c.quoted }}{% if not loop.last %}, {% endif %}{% endfor %})
{%- endif -%}
{%- endmacro %}

{% materialization incremental, default -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set existing_relation = load_relation(this) -%}
  {%- set strategy = config.get('incremental_strategy') or 'append' -%}
  {%- if strategy not in adapter.valid_incremental_strategies() -%}
    {{- exceptions.raise_compiler_error("Invalid incremental strategy '" ~ strategy ~ "' for " ~ adapter.type() ~ ": use one of " ~ adapter.valid_incremental_strategies() | join(', ')) -}}
  {%- endif -%}
  {%- if existing_relation is none or existing_relation.is_view or should_full_refresh() -%}
    {{- cedule_build_and_swap(target_relation, cedule_create_table) -}}
  {%- else -%}
    {%- set on_schema_change = incremental_validate_on_schema_change(config.get('on_schema_change'), default='ignore') -%}
    {%- set temp_relation = make_temp_relation(target_relation) -%}
    {{- run_hooks(pre_hooks, inside_transaction=False) -}}
    {{- run_hooks(pre_hooks, inside_transaction=True) -}}
    {{- lock_relation(target_relation) -}}
    {%- do adapter.begin() -%}
    {{- drop_leftover(temp_relation) -}}
    {%- call statement('create_temp') -%}{{ get_create_table_as_sql(False, temp_relation, sql) }}{%- endcall -%}
    {%- set dest_columns = process_schema_changes(on_schema_change, temp_relation, existing_relation) -%}
    {%- set args = {'target_relation': target_relation, 'temp_relation': temp_relation, 'unique_key': config.get('unique_key'), 'dest_columns': dest_columns, 'incremental_predicates': config.get('incremental_predicates')} -%}
    {%- call statement('main') -%}
      {%- if strategy == 'append' -%}{{ get_incremental_append_sql(args) }}
      {%- elif strategy == 'delete+insert' -%}{{ get_incremental_delete_insert_sql(args) }}
      {%- else -%}{{ get_incremental_merge_sql(args) }}{%- endif -%}
    {%- endcall -%}
    {{- run_hooks(post_hooks, inside_transaction=True) -}}
    {%- do adapter.drop_relation(temp_relation) -%}
    {%- do adapter.commit() -%}
    {{- run_hooks(post_hooks, inside_transaction=False) -}}
  {%- endif -%}
  {{- return({'relations': [target_relation]}) -}}
{%- endmaterialization %}
