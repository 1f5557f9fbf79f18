{#-
  The snapshot materialization (type-2 history): timestamp and check strategies, optional
  invalidation of hard deletes. The first run copies the query's rows with dbt's meta columns
  (dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to); later runs, inside one locked
  transaction, close the open version of every changed row and insert the new versions.
-#}

{% macro cedule_snapshot_key(keys, alias) -%}
  {%- if keys | length == 1 -%}{{ alias }}.{{ adapter.quote(keys[0]) }}
  {%- else -%}
    {%- for k in keys -%}cast({{ alias }}.{{ adapter.quote(k) }} as {{ dbt.type_string() }}){% if not loop.last %} || '|' || {% endif %}{%- endfor -%}
  {%- endif -%}
{%- endmacro %}

{% macro cedule_snapshot_match(keys, left, right) -%}
  {%- for k in keys -%}{{ left }}.{{ adapter.quote(k) }} = {{ right }}.{{ adapter.quote(k) }}{% if not loop.last %} and {% endif %}{%- endfor -%}
{%- endmacro %}

{% macro cedule_snapshot_staging_sql(sql, keys, updated_expr) -%}
select
    snapshot_query.*,
    {{ dbt.hash(cedule_snapshot_key(keys, 'snapshot_query') ~ " || '|' || cast(" ~ updated_expr ~ " as " ~ dbt.type_string() ~ ")") }} as dbt_scd_id,
    {{ updated_expr }} as dbt_updated_at,
    {{ updated_expr }} as dbt_valid_from,
    cast(null as {{ dbt.type_timestamp() }}) as dbt_valid_to
from (
{{ sql }}
) as snapshot_query
{%- endmacro %}

{% materialization snapshot, default -%}
  {%- set strategy = config.require('strategy') -%}
  {%- set keys = cedule_unique_keys(config.require('unique_key')) -%}
  {%- if strategy == 'timestamp' -%}
    {%- set updated_expr = 'cast(snapshot_query.' ~ adapter.quote(config.require('updated_at')) ~ ' as ' ~ dbt.type_timestamp() ~ ')' -%}
  {%- elif strategy == 'check' -%}
    {%- set updated_expr = 'cast(' ~ dbt.current_timestamp() ~ ' as ' ~ dbt.type_timestamp() ~ ')' -%}
  {%- else -%}
    {{- exceptions.raise_compiler_error("snapshot strategy must be 'timestamp' or 'check', not '" ~ strategy ~ "'") -}}
  {%- endif -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set staging_relation = make_temp_relation(target_relation, '__dbt_snapshot_staging') -%}
  {%- do adapter.create_schema(target_relation) -%}
  {{- run_hooks(pre_hooks, inside_transaction=False) -}}
  {{- run_hooks(pre_hooks, inside_transaction=True) -}}
  {{- lock_relation(target_relation) -}}
  {%- do adapter.begin() -%}
  {%- set existing_relation = load_relation(this) -%}
  {%- if existing_relation is none -%}
    {%- call statement('main') -%}
      {{ get_create_table_as_sql(False, target_relation, cedule_snapshot_staging_sql(sql, keys, updated_expr)) }}
    {%- endcall -%}
    {%- do adapter.cache_added(target_relation) -%}
  {%- else -%}
    {{- drop_leftover(staging_relation) -}}
    {%- call statement('staging') -%}
      {{ get_create_table_as_sql(False, staging_relation, cedule_snapshot_staging_sql(sql, keys, updated_expr)) }}
    {%- endcall -%}
    {%- do adapter.cache_added(staging_relation) -%}
    {%- set meta = ['dbt_scd_id', 'dbt_updated_at', 'dbt_valid_from', 'dbt_valid_to'] -%}
    {%- set staging_columns = adapter.get_columns_in_relation(staging_relation) -%}
    {%- set target_names = cedule_column_names(adapter.get_columns_in_relation(target_relation)) -%}
    {%- set data_columns = [] -%}
    {%- for c in staging_columns if c.name | lower not in meta -%}{%- do data_columns.append(c) -%}{%- endfor -%}
    {%- if strategy == 'timestamp' -%}
      {%- set changed = 'staged.dbt_updated_at > snapshotted.dbt_updated_at' -%}
    {%- else -%}
      {%- set check_cols = config.get('check_cols', 'all') -%}
      {%- set compared = data_columns | map(attribute='name') | list if check_cols == 'all' else check_cols -%}
      {%- set tests = [] -%}
      {%- for col in compared -%}{%- do tests.append('staged.' ~ adapter.quote(col) ~ ' is distinct from snapshotted.' ~ adapter.quote(col)) -%}{%- endfor -%}
      {%- set changed = '(' ~ tests | join(' or ') ~ ')' -%}
    {%- endif -%}
    {%- call statement('close_changed') -%}
update {{ target_relation }} as snapshotted
set dbt_valid_to = staged.dbt_updated_at
from {{ staging_relation }} as staged
where {{ cedule_snapshot_match(keys, 'staged', 'snapshotted') }}
  and snapshotted.dbt_valid_to is null
  and {{ changed }}
    {%- endcall -%}
    {%- if config.get('hard_deletes') == 'invalidate' or config.get('invalidate_hard_deletes') -%}
      {%- call statement('invalidate_deleted') -%}
update {{ target_relation }} as snapshotted
set dbt_valid_to = {{ dbt.current_timestamp() }}
where snapshotted.dbt_valid_to is null
  and not exists (select 1 from {{ staging_relation }} as staged where {{ cedule_snapshot_match(keys, 'staged', 'snapshotted') }})
      {%- endcall -%}
    {%- endif -%}
    {%- set insert_columns = [] -%}
    {%- for c in staging_columns if c.name | lower in target_names -%}{%- do insert_columns.append(c.quoted) -%}{%- endfor -%}
    {%- call statement('main') -%}
insert into {{ target_relation }} ({{ insert_columns | join(', ') }})
select {{ insert_columns | join(', ') }}
from {{ staging_relation }} as staged
where not exists (
    select 1 from {{ target_relation }} as current_rows
    where {{ cedule_snapshot_match(keys, 'staged', 'current_rows') }} and current_rows.dbt_valid_to is null
)
    {%- endcall -%}
    {%- do adapter.drop_relation(staging_relation) -%}
  {%- endif -%}
  {{- run_hooks(post_hooks, inside_transaction=True) -}}
  {%- do adapter.commit() -%}
  {{- run_hooks(post_hooks, inside_transaction=False) -}}
  {{- return({'relations': [target_relation]}) -}}
{%- endmaterialization %}
