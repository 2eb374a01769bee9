"""Regional strategic personnel and training planning: a stock-flow cohort model.

Per region × qualification and year: workforce by age band, students per route and study
year, demand, the gap, and the training starts per route that would close it. `project`
runs one plan deterministically, `simulate` draws the uncertain rates (Monte Carlo, P10 /
P50 / P90), `apply_scenario` and `compare` handle named scenarios, `backtest` runs an old
baseline against actuals, `export_xmile` writes one cell as an XMILE 1.0 model that PySD
runs to the same trajectories. docs/planning.md gives the equations.
"""
