using Cedule.Core.Execution;

namespace Cedule.Engine.Tests;

public abstract partial class EngineScenarioTests
{
    private void TestedProject(string columnsYaml)
    {
        Write("models/customers.sql", "{{ config(materialized='table') }}\nselect 1 as id, 'a' as status union all select 2, 'b' union all select 3, 'b'");
        Write("models/orders.sql", "{{ config(materialized='table') }}\nselect 10 as order_id, 1 as customer_id, 'paid' as status union all select 11, 2, 'paid' union all select 12, 9, 'late' union all select 13, null, 'paid'");
        Write("models/schema.yml", "version: 2\nmodels:\n" + columnsYaml);
    }

    /// <summary>Runs build; nothing may error (tests may fail).</summary>
    private async Task<RunOutcome> BuildWithTests()
    {
        var outcome = await Build(which: "build");
        Assert.True(outcome.Results.All(r => r.Status != NodeStatus.Error), Describe(outcome));
        return outcome;
    }

    private static void AssertTests(RunOutcome outcome, NodeStatus expected, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            Assert.True(TestResult(outcome, prefix).Status == expected, $"{prefix}: expected {expected}\n{Describe(outcome)}");
        }
    }

    [Fact]
    public async Task BuiltInTests_PassAndFail_WithFailureCounts()
    {
        TestedProject("""
              - name: customers
                columns:
                  - name: id
                    data_tests: [unique, not_null]
                  - name: status
                    data_tests:
                      - accepted_values: {values: ['a', 'b']}
              - name: orders
                columns:
                  - name: order_id
                    data_tests: [unique]
                  - name: customer_id
                    data_tests:
                      - not_null
                      - relationships: {to: "ref('customers')", field: id}
                  - name: status
                    data_tests:
                      - accepted_values: {values: ['paid']}
            """);

        var outcome = await BuildWithTests();

        AssertTests(outcome, NodeStatus.Pass, "unique_customers_id", "not_null_customers_id", "accepted_values_customers_status", "unique_orders_order_id");
        var notNull = TestResult(outcome, "not_null_orders_customer_id");
        Assert.Equal((NodeStatus.Fail, 1L), (notNull.Status, notNull.Failures));
        var relationships = TestResult(outcome, "relationships_orders_customer_id");
        Assert.Equal((NodeStatus.Fail, 1L), (relationships.Status, relationships.Failures));
        var accepted = TestResult(outcome, "accepted_values_orders_status");
        Assert.Equal((NodeStatus.Fail, 1L), (accepted.Status, accepted.Failures));
        Assert.Contains("Got 1 result", accepted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tests_SeverityWarnThresholdsWhereAndLimit_DecideTheStatus()
    {
        TestedProject("""
              - name: orders
                columns:
                  - name: status
                    data_tests:
                      - accepted_values:
                          name: warn_only
                          values: ['x']
                          config: {severity: warn}
                      - accepted_values:
                          name: below_error_threshold
                          values: ['x']
                          config: {warn_if: '>= 1', error_if: '> 5'}
                      - accepted_values:
                          name: above_error_threshold
                          values: ['x']
                          config: {warn_if: '>= 1', error_if: '>= 2'}
                      - accepted_values:
                          name: below_warn_threshold
                          values: ['x']
                          config: {warn_if: '> 10', error_if: '> 10'}
                      - accepted_values:
                          name: filtered_by_where
                          values: ['paid']
                          config: {where: "order_id < 12"}
                  - name: order_id
                    data_tests:
                      - not_null:
                          name: limited
                          config: {where: "1 = 1", limit: 1}
                      - accepted_values:
                          name: limit_caps_failures
                          values: [0]
                          quote: false
                          config: {limit: 2}
            """);

        var outcome = await BuildWithTests();

        AssertTests(outcome, NodeStatus.Warn, "warn_only", "below_error_threshold");
        AssertTests(outcome, NodeStatus.Fail, "above_error_threshold");
        AssertTests(outcome, NodeStatus.Pass, "below_warn_threshold", "filtered_by_where", "limited");
        var limited = TestResult(outcome, "limit_caps_failures");
        Assert.Equal((NodeStatus.Fail, 2L), (limited.Status, limited.Failures));
    }

    [Fact]
    public async Task Tests_CustomGenericAndSingular_RunAndReportFailures()
    {
        TestedProject("""
              - name: customers
                columns:
                  - name: id
                    data_tests:
                      - is_small: {max_value: 2}
                      - is_small:
                          name: custom_passes
                          max_value: 5
            """);
        Write("tests/generic/is_small.sql", "{% test is_small(model, column_name, max_value) %}\nselect * from {{ model }} where {{ column_name }} > {{ max_value }}\n{% endtest %}\n");
        Write("tests/no_late_orders.sql", "select * from {{ ref('orders') }} where status = 'late'");
        Write("tests/customers_exist.sql", "select * from {{ ref('customers') }} where id is null");

        var outcome = await BuildWithTests();

        var custom = TestResult(outcome, "is_small_customers_id");
        Assert.Equal((NodeStatus.Fail, 1L), (custom.Status, custom.Failures));
        Assert.Equal(NodeStatus.Pass, TestResult(outcome, "custom_passes").Status);
        Assert.Equal(NodeStatus.Fail, Status(outcome, $"test.{Name}.no_late_orders"));
        Assert.Equal(NodeStatus.Pass, Status(outcome, $"test.{Name}.customers_exist"));
    }

    [Fact]
    public async Task Build_ErrorTestFails_SkipsDownstreamButAWarnDoesNot()
    {
        TestedProject("""
              - name: customers
                columns:
                  - name: status
                    data_tests:
                      - accepted_values: {values: ['a'], config: {severity: warn}}
              - name: orders
                columns:
                  - name: customer_id
                    data_tests: [not_null]
            """);
        Write("models/customer_report.sql", "select count(*) as n from {{ ref('customers') }}");
        Write("models/order_report.sql", "select count(*) as n from {{ ref('orders') }}");
        Write("models/order_report_child.sql", "select n from {{ ref('order_report') }}");

        var outcome = await BuildWithTests();

        Assert.Equal(NodeStatus.Warn, TestResult(outcome, "accepted_values_customers_status").Status);
        Assert.Equal(NodeStatus.Success, Status(outcome, Model("customer_report")));
        Assert.Equal(NodeStatus.Fail, TestResult(outcome, "not_null_orders_customer_id").Status);
        Assert.Equal(NodeStatus.Skipped, Status(outcome, Model("order_report")));
        Assert.Equal(NodeStatus.Skipped, Status(outcome, Model("order_report_child")));
        Assert.Equal(["customer_report", "customers", "orders"], Relations());
    }

    [Fact]
    public async Task Test_ModelMissing_IsAnErrorNotAFailure()
    {
        TestedProject("""
              - name: customers
                columns:
                  - name: id
                    data_tests: [unique]
            """);

        var outcome = await Build(which: "test");

        var result = TestResult(outcome, "unique_customers_id");
        Assert.Equal(NodeStatus.Error, result.Status);
        Assert.Contains("customers", result.Message, StringComparison.OrdinalIgnoreCase);
    }
}
