/*
 * Finance's charts (issue 10): every element with a data-chart attribute becomes an ECharts bar chart of the JSON it
 * carries ({title, currency, stacked, categories, series: [{name, data}]}), drawn on a canvas. A static script
 * because the console's Content-Security-Policy allows no inline script; the same figures are in a table next to
 * each chart, so nothing is only in the picture.
 */
(function () {
    'use strict';

    function draw(element) {
        var spec;
        try {
            spec = JSON.parse(element.getAttribute('data-chart'));
        } catch (e) {
            element.textContent = 'The chart could not be drawn; its figures are in the table.';
            return;
        }
        var chart = echarts.init(element, null, {renderer: 'canvas'});
        chart.setOption({
            aria: {enabled: true, decal: {show: true}},
            animation: false,
            title: {text: spec.title, left: 'left', textStyle: {fontSize: 14, fontWeight: 600}},
            legend: {bottom: 0, type: 'scroll'},
            grid: {left: 8, right: 16, top: 40, bottom: 40, containLabel: true},
            tooltip: {trigger: 'axis', renderMode: 'richText'},
            xAxis: {type: 'category', data: spec.categories, axisLabel: {hideOverlap: true}},
            yAxis: {type: 'value', name: spec.currency},
            series: spec.series.map(function (s) {
                return {
                    name: s.name,
                    type: 'bar',
                    stack: spec.stacked ? 'total' : undefined,
                    data: s.data.map(Number)
                };
            })
        });
        element.setAttribute('data-chart-drawn', 'true');
        window.addEventListener('resize', function () { chart.resize(); });
    }

    function drawAll() {
        if (typeof echarts === 'undefined') {
            return;
        }
        document.querySelectorAll('[data-chart]').forEach(draw);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
}());
