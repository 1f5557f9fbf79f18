{#- T-SQL strings. -#}

{#-
  concat() rather than +: + fails on a number and a string, concat() converts both. Like dbt-sqlserver,
  it reads null as '' (PostgreSQL's || yields null). concat() needs two arguments, so one field gets ''.
-#}
{% macro fabric__concat(fields) -%}
{%- if fields | length == 0 -%}
{{ exceptions.raise_compiler_error("concat: no fields to concatenate") }}
{%- endif -%}
concat({{ fields | join(', ') }}{% if fields | length == 1 %}, ''{% endif %})
{%- endmacro %}

{#-
  The T-SQL chosen: lower(convert(varchar(50), hashbytes('md5', coalesce(convert(varchar(8000), x), '')), 2)),
  as dbt-fabric (and dbt-sqlserver from 1.7, which inherits it) hash: the hex digest in lower case,
  so a surrogate key equals PostgreSQL's md5() of the same text; null hashes as ''.
-#}
{% macro fabric__hash(field) -%}
lower(convert(varchar(50), hashbytes('md5', coalesce(convert(varchar(8000), {{ field }}), '')), 2))
{%- endmacro %}

{#- len() ignores trailing spaces, as dbt-sqlserver's length does. -#}
{% macro fabric__length(expression) -%}len({{ expression }}){%- endmacro %}

{% macro fabric__position(substring_text, string_text) -%}charindex({{ substring_text }}, {{ string_text }}){%- endmacro %}

{#-
  SQL Server 2019 has no split_part and its string_split neither keeps the order nor takes a
  delimiter longer than one character. So the string becomes a JSON array (its delimiters replaced
  by '","', JSON escapes applied first) and json_value picks the part: a scalar expression, usable
  anywhere, that keeps any delimiter. A negative part counts from the end: the reversed string's part,
  reversed back. Unlike PostgreSQL a missing part is null, not ''; replace() follows the column's
  collation (case-insensitive by default).
-#}
{% macro fabric__split_part(string_text, delimiter_text, part_number) -%}
{%- if part_number is number and part_number < 0 -%}
reverse({{ dbt.fabric__json_part('reverse(' ~ string_text ~ ')', 'reverse(' ~ delimiter_text ~ ')', "'$[" ~ (-part_number - 1) ~ "]'") }})
{%- elif part_number is number -%}
{{ dbt.fabric__json_part(string_text, delimiter_text, "'$[" ~ (part_number - 1) ~ "]'") }}
{%- else -%}
{{ dbt.fabric__json_part(string_text, delimiter_text, "'$[' + cast((" ~ part_number ~ ") - 1 as varchar(11)) + ']'") }}
{%- endif -%}
{%- endmacro %}

{% macro fabric__json_part(string_text, delimiter_text, path) -%}
cast(json_value('["' + replace(string_escape({{ string_text }}, 'json'), string_escape({{ delimiter_text }}, 'json'), '","') + '"]', {{ path }}) as varchar(8000))
{%- endmacro %}
