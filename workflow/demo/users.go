package demo

import (
	"context"
	"errors"
	"fmt"

	"orderdesk/store"
	"orderdesk/workflow"
)

// person is one member of the demo desk.
type person struct {
	login, name string
	roles       []workflow.Role
}

// people are the desk: two clerks, a supervisor, finance, purchasing,
// planning, warehouse, two sales reps and an administrator.
var people = []person{
	{"wangli", "王丽", []workflow.Role{workflow.Clerk}},
	{"liqiang", "李强", []workflow.Role{workflow.Clerk}},
	{"zhao", "赵主管", []workflow.Role{workflow.Supervisor}},
	{"chen", "陈会计", []workflow.Role{workflow.Finance}},
	{"sun", "孙采购", []workflow.Role{workflow.Purchasing}},
	{"zhou", "周计划", []workflow.Role{workflow.Planning}},
	{"wu", "吴仓管", []workflow.Role{workflow.Warehouse}},
	{"liu", "刘销售", []workflow.Role{workflow.SalesRep}},
	{"zheng", "郑销售", []workflow.Role{workflow.SalesRep}},
	{"admin", "管理员", []workflow.Role{workflow.Admin}},
}

// Logins lists the demo users' logins, for commands that explain them.
func Logins() []string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = p.login
	}
	return out
}

// team is who does what in the generated records.
type team struct {
	clerks     []store.User
	supervisor store.User
	finance    store.User
	purchasing store.User
	planning   store.User
	warehouse  store.User
	reps       []store.User
}

// ensureTeam creates the demo users, reusing any that exist with the
// roles they need, and maps the OS account to the desk user.
func ensureTeam(ctx context.Context, eng *workflow.Engine, opts Options, sum *Summary) (team, error) {
	var t team
	sys, err := eng.SystemUser(ctx)
	if err != nil {
		return t, err
	}
	st := eng.Store()
	taken, err := osUserTaken(ctx, st, opts.OSUser)
	if err != nil {
		return t, err
	}
	byLogin := map[string]store.User{}
	for _, p := range people {
		osUser := ""
		if p.login == opts.DeskLogin && opts.OSUser != "" && !taken {
			osUser = opts.OSUser
		}
		u, created, err := ensureUser(ctx, eng, sys, p, osUser)
		if err != nil {
			return t, err
		}
		if created {
			sum.Users++
			sum.Mapped = sum.Mapped || osUser != ""
		}
		byLogin[p.login] = u
	}
	t.clerks = []store.User{byLogin["wangli"], byLogin["liqiang"]}
	t.supervisor, t.finance, t.purchasing, t.planning = byLogin["zhao"], byLogin["chen"], byLogin["sun"], byLogin["zhou"]
	t.warehouse = byLogin["wu"]
	t.reps = []store.User{byLogin["liu"], byLogin["zheng"]}
	if opts.OSUser != "" {
		err = st.Read(ctx, func(tx *store.Tx) error {
			u, err := tx.UserByOSUser(ctx, opts.OSUser)
			if err == nil {
				sum.Desk = u
			}
			if errors.Is(err, store.ErrNotFound) {
				return nil
			}
			return err
		})
	}
	return t, err
}

func osUserTaken(ctx context.Context, st *store.Store, osUser string) (taken bool, err error) {
	if osUser == "" {
		return false, nil
	}
	err = st.Read(ctx, func(tx *store.Tx) error {
		_, err := tx.UserByOSUser(ctx, osUser)
		taken = err == nil
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		return err
	})
	return taken, err
}

func ensureUser(ctx context.Context, eng *workflow.Engine, sys store.User, p person, osUser string) (store.User, bool, error) {
	var u store.User
	err := eng.Store().Read(ctx, func(tx *store.Tx) error {
		var err error
		u, err = tx.UserByLogin(ctx, p.login)
		return err
	})
	switch {
	case errors.Is(err, store.ErrNotFound):
		u, err = eng.AddUser(ctx, sys, p.login, p.name, osUser, p.roles)
		return u, err == nil, err
	case err != nil:
		return u, false, err
	}
	for _, r := range p.roles {
		if !u.Active || !u.HasRole(string(r)) {
			return u, false, fmt.Errorf("demo: user %s already exists without the active role %s the demo needs", p.login, r)
		}
	}
	return u, false, nil
}
